# The two commands a fresh machine needs: `make demo` and `make test`.
.PHONY: setup build demo test check-shared

setup:
	@scripts/setup.sh

build: setup
	swift build

# Reads every bundled example report and prints what retro found in each.
demo: build
	.build/debug/retro show examples/

test: setup
	swift test

# Checks against ../shared (seeds and the corpus of real postmortems), when it is there.
check-shared: build
	scripts/check-shared.sh
