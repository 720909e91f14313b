# Puts `lenet5` on the PATH: `make install` copies an optimised build to /usr/local/bin, or to
# PREFIX/bin (`make install PREFIX=~/.local`). The weights are inside the binary, so it runs from
# any folder with nothing beside it. `make uninstall` removes it again.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
SWIFT ?= swift

# On Linux the Swift runtime is linked into the binary, so it runs without the toolchain (it
# still needs the system's ncurses and zlib). macOS has the Swift runtime built in.
ifeq ($(shell uname -s),Linux)
STATIC := --static-swift-stdlib
endif
# A build folder of its own: the static link would otherwise rebuild `swift build -c release`'s.
BUILD := $(SWIFT) build -c release --product lenet5 --scratch-path .build-install $(STATIC)

.PHONY: release install uninstall

release:
	$(BUILD)

install: release
	install -d "$(DESTDIR)$(BINDIR)"
	install -m 755 "$$($(BUILD) --show-bin-path)/lenet5" "$(DESTDIR)$(BINDIR)/lenet5"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/lenet5"
