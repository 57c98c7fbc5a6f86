# The two commands of the README. Each sets up what it needs first (scripts/setup).
.PHONY: run test setup

run:   ## build and serve the portal on http://127.0.0.1:3000 (SQLite, embedded defaults)
	scripts/run

test:  ## every check: fmt, clippy, cargo nextest, Playwright against a real server
	scripts/test

setup: ## install the toolchain only
	scripts/setup
