#!/bin/sh
# Install what rvshm needs to build, run and debug: a RISC-V cross compiler, QEMU, OpenSBI
# and a gdb that knows RISC-V.
# Debian and Ubuntu get them through apt-get; other systems are told what to install.
set -e

# gcc is the host compiler for the unit tests (with its sanitizers).
debian_packages="gcc-riscv64-unknown-elf qemu-system-misc opensbi gdb-multiarch gcc"

if command -v apt-get >/dev/null 2>&1; then
	if [ "$(id -u)" = 0 ]; then
		sudo=""
	elif command -v sudo >/dev/null 2>&1; then
		sudo="sudo"
	else
		echo "install-deps: need root or sudo to run: apt-get install $debian_packages" >&2
		exit 1
	fi
	echo "install-deps: installing $debian_packages"
	# Wait for the package lock rather than fail if another install holds it.
	wait="-o DPkg::Lock::Timeout=600"
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get $wait update -qq
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get $wait install -y -qq $debian_packages >/dev/null
	exit 0
fi

cat >&2 <<'TXT'
rvshm needs a RISC-V cross compiler, qemu-system-riscv64, OpenSBI and a RISC-V gdb.
Install them with:
  Fedora:        sudo dnf install gcc-riscv64-linux-gnu qemu-system-riscv opensbi gdb
  Arch Linux:    sudo pacman -S riscv64-elf-gcc riscv64-elf-gdb qemu-system-riscv
  openSUSE:      sudo zypper install cross-riscv64-gcc13 qemu-extra gdb
  macOS (brew):  brew tap riscv-software-src/riscv && brew install riscv-tools qemu
Then run make again. (On macOS, QEMU's bundled OpenSBI is used.)
TXT
exit 1
