# bayes-mmm: the two entry points the README documents.
#   make run   installs what is missing, builds, audits the bundled data, fits the model,
#              prints the posterior tables and writes runs/default/report.html
#   make test  installs what is missing and runs the test suite
# Both are safe to run on a fresh Debian machine (as root, or with sudo available).

SWIFT ?= swift
RUN_DIR ?= runs/default
SEED ?= 20240917
BIN = .build/release/bayes-mmm

.PHONY: run test deps build bench validate clean

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release

run: build
	$(BIN) check-data
	$(BIN) sample --priors priors/default.json --seed $(SEED) --out $(RUN_DIR)
	$(BIN) summarize --run $(RUN_DIR)
	$(BIN) report --run $(RUN_DIR) --out $(RUN_DIR)/report.html

bench: build
	$(BIN) benchmark all

test: deps
	$(SWIFT) test -c release -Xswiftc -enable-testing --disable-swift-testing

# The slow validation suite: SBC of every price form, 90% interval coverage over 40
# simulated datasets, the forecast backtest and the allocation oracle check (about 7
# minutes on two threads with BAYES_MMM_THREADS=2), and calibration with lift tests (SBC
# and coverage, about 8 more).
validate: deps
	BAYES_MMM_SLOW=1 $(SWIFT) test -c release -Xswiftc -enable-testing --disable-swift-testing \
		--filter 'SlowValidationSuiteTests|ForecastBacktestTests|AllocationOracleTests|SlowLiftTestCalibrationTests'

clean:
	rm -rf .build runs
