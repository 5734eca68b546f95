# Convenience targets; the scripts do the work (see README.md).
.PHONY: site test check clean

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

# Remove build products and the built site (keeps the test virtualenv .venv/).
clean:
	rm -rf .build public .public.phiencho-*
