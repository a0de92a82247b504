# bayes-mmm: the two entry points the README documents.
#   make run   installs what is missing, builds, audits the bundled data, fits the model,
#              prints the posterior tables and writes runs/default/report.html
#   make test  installs what is missing and runs the test suite
# Both are safe to run on a fresh Debian machine (as root, or with sudo available).

SWIFT ?= swift
RUN_DIR ?= runs/default
SEED ?= 20240917
BIN = .build/release/bayes-mmm
# The processor the code is compiled for. `native`, the default, is this machine's: the
# density's eight-lane SIMD arithmetic (LaneMath) then runs in AVX-512 or AVX2 registers
# where the processor has them, and when it has fused multiply-adds, LaneMath's polynomials
# use them (BAYES_MMM_FMA; always on arm64). On this project's machine that doubles the
# gradient throughput of the SSE2 baseline. Fused steps round once instead of twice, so an
# FMA build's draws differ in the last bits from a build without; each build gives the same
# bytes for the same seed on any number of threads. For a binary to copy to other machines,
# build with `make build TARGET_CPU=` (the toolchain's portable default) or name a CPU,
# e.g. haswell.
TARGET_CPU ?= native
HAS_FMA := $(shell grep -qsw fma /proc/cpuinfo && echo yes)
FMA_FLAGS = $(if $(and $(filter native,$(TARGET_CPU)),$(HAS_FMA)),-Xswiftc -DBAYES_MMM_FMA)
CPU_FLAGS = $(if $(TARGET_CPU),-Xswiftc -target-cpu -Xswiftc $(TARGET_CPU)) $(FMA_FLAGS)

.PHONY: run test deps build bench validate clean

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release $(CPU_FLAGS)

run: build
	$(BIN) check-data
	$(BIN) sample --priors priors/default.json --seed $(SEED) --out $(RUN_DIR)
	$(BIN) summarize --run $(RUN_DIR)
	$(BIN) report --run $(RUN_DIR) --out $(RUN_DIR)/report.html

bench: build
	$(BIN) benchmark all

test: deps
	$(SWIFT) test -c release $(CPU_FLAGS) -Xswiftc -enable-testing --disable-swift-testing

# The slow validation suite: SBC of every price form, 90% interval coverage over 40
# simulated datasets, the forecast backtest and the allocation oracle check (about 7
# minutes on two threads with BAYES_MMM_THREADS=2), and calibration with lift tests (SBC
# and coverage, about 8 more).
validate: deps
	BAYES_MMM_SLOW=1 $(SWIFT) test -c release $(CPU_FLAGS) -Xswiftc -enable-testing --disable-swift-testing \
		--filter 'SlowValidationSuiteTests|ForecastBacktestTests|AllocationOracleTests|SlowLiftTestCalibrationTests'

clean:
	rm -rf .build runs
