# The two commands a fresh machine needs: `make demo` and `make test`.
.PHONY: setup build demo test check-shared

setup:
	@scripts/setup.sh

build: setup
	swift build

# Shows what retro reads from every bundled example report, then lints them (the draft
# example has findings on purpose, so lint's exit status is not an error here).
demo: build
	.build/debug/retro show examples/
	-.build/debug/retro lint examples/

test:
	@scripts/setup.sh --test
	swift test

# Checks against ../shared (seeds and the corpus of real postmortems), when it is there.
check-shared: build
	scripts/check-shared.sh
