# bayes-mmm: the two entry points the README documents.
#   make run   installs what is missing, builds, and runs the main job on the bundled data
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

test: deps
	$(SWIFT) test -c release -Xswiftc -enable-testing --disable-swift-testing

# The slow validation suite: SBC with 200 simulations and 90% interval coverage over 40
# simulated datasets (about 5 minutes on one core; BAYES_MMM_THREADS=2 to use two).
validate: deps
	BAYES_MMM_SLOW=1 $(SWIFT) test -c release -Xswiftc -enable-testing --disable-swift-testing \
		--filter SlowValidationSuiteTests

clean:
	rm -rf .build runs
