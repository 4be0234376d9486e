# Release builds of b22: one binary per machine that product managers and
# lawyers use, with the version stamped from git, and the manual pages.
# Plain 'go build' and 'go test' need none of this; see README.md.
#
#   make release               # dist/: binaries, man pages, completions, SHA256SUMS
#   make release VERSION=v1.0.0
#   make man                   # dist/man/*.1 only
#
# A Makefile rather than goreleaser: the release is six 'go build' runs and
# a checksum file, which needs no other tool on the machine that makes it,
# and the same loop runs in CI (.ci/run, "cross-build").

GO       ?= go
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
# The commit's date dates the manual pages, so that making the same commit
# twice gives the same files.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || date +%s)
PLATFORMS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64
LDFLAGS   := -s -w -X b22/cmd.version=$(VERSION)

export SOURCE_DATE_EPOCH

.PHONY: release binaries man completions clean

release: binaries man completions
	cd dist && sha256sum b22-* > SHA256SUMS
	@echo "dist/: b22 $(VERSION)"; ls -l dist

binaries:
	@mkdir -p dist
	@set -e; for p in $(PLATFORMS); do \
		os=$${p%/*}; arch=$${p#*/}; ext=; [ $$os = windows ] && ext=.exe; \
		echo "build $$os/$$arch"; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags '$(LDFLAGS)' \
			-o dist/b22-$(VERSION)-$$os-$$arch$$ext ./cmd/b22; \
	done

man:
	$(GO) run ./cmd/b22docs -man dist/man -version $(VERSION)

# Completion scripts from the host's own build, for those who install the
# binary by hand.
completions:
	@mkdir -p dist/completions
	$(GO) build -o dist/.b22-host ./cmd/b22
	dist/.b22-host completion bash > dist/completions/b22.bash
	dist/.b22-host completion zsh > dist/completions/_b22
	dist/.b22-host completion fish > dist/completions/b22.fish
	dist/.b22-host completion powershell > dist/completions/b22.ps1
	rm dist/.b22-host

clean:
	rm -rf dist
