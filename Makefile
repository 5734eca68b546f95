# Convenience targets; the scripts do the work (see README.md).
.PHONY: site test check bench clean

# Build the example site in content/ into public/ (release binary).
site:
	./scripts/build-site.sh

# Every test: swift build, swift test, node --test, pytest tests/acceptance.
test:
	./scripts/test.sh

# Validate content/ without writing anything.
check:
	./scripts/setup.sh build
	swift build -c release --product phiencho
	.build/release/phiencho check --content content

# Benchmark at 1,000, 10,000 and 100,000 synthetic vacancies (targets of issues #4 and #9; slow).
# Smaller run: make bench SIZES=1000,10000
SIZES ?= 1000,10000,100000
bench:
	./scripts/setup.sh test
	swift build -c release --product phiencho
	.venv/bin/python bench/bench.py --sizes $(SIZES)

# Remove build products and the built site (keeps the test virtualenv .venv/).
clean:
	rm -rf .build public .public.phiencho-*
