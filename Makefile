# rvshm: a RISC-V teaching kernel for System V shared memory. `make help` lists the targets
# and the variables; HELP, at the end, is that list.

# Every rule is written here: make's built-in rules would only make it look, for each of the
# hundreds of sources and headers, for ways to remake it from RCS files and the like.
MAKEFLAGS += --no-builtin-rules
.SUFFIXES:

MEM ?= 128M
V ?= 1
DEBUG ?= 0
PACE ?= 0
Q ?= 0
CONFIG_MM_PGSIZE ?= 4096
CONFIG_ARCH_SHM_VBASE ?= 0x40000000
CONFIG_ARCH_SHM_MAXREGIONS ?= 64
CONFIG_ARCH_SHM_NPAGES ?= 1024
CONFIG_NPROC ?= 16
CONFIG_NTHREADS ?= 64
CONFIG_THREADS_PER_PROCESS ?= 16
GDBPORT ?= 26000
JOBS ?= $(shell nproc 2>/dev/null || echo 1)
# make test builds its hundred-odd images on every core, as its boots run (make grade too).
ifneq ($(filter test grade,$(MAKECMDGOALS)),)
MAKEFLAGS += -j$(JOBS)
endif
BOOT_LIMIT ?= 300

LAZY ?= 0
B ?= build$(if $(filter 1,$(LAZY)),/lazy)
AT := $(if $(filter 1,$(BUILD_VERBOSE)),,@)  # make BUILD_VERBOSE=1 shows every command
# The "  CC  file" lines, which make -s and Q=1 leave out.
SAY := $(if $(or $(findstring s,$(firstword -$(MAKEFLAGS))),$(filter 1,$(Q))),:,echo)
TOOL_GOALS := $(filter-out clean format help,$(or $(MAKECMDGOALS),all))

# --- Tools: find a RISC-V GCC, QEMU and OpenSBI, installing them on Debian/Ubuntu ---
# A make with nothing to do should cost next to nothing beside QEMU (make -s qemu twice in a
# row): so make finds programs on PATH itself, with no shell for each `command -v`.
# $(call which,names): the path of the first of the programs named that is on PATH.
which = $(firstword $(foreach p,$(1),$(if $(filter /%,$(p)),$(wildcard $(p)),$(wildcard \
	$(addsuffix /$(p),$(subst :, ,$(PATH)))))))
PREFIXES := riscv64-unknown-elf- riscv64-linux-gnu- riscv64-elf- riscv64-unknown-linux-gnu-
find-prefix = $(firstword $(foreach p,$(PREFIXES),$(if $(call which,$(p)gcc),$(p))))
have-qemu = $(call which,qemu-system-riscv64)

OPENSBI_FW := $(wildcard /usr/share/qemu/opensbi-riscv64-generic-fw_dynamic.bin \
	/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin \
	/usr/local/share/qemu/opensbi-riscv64-generic-fw_dynamic.bin \
	/opt/homebrew/share/qemu/opensbi-riscv64-generic-fw_dynamic.bin)
ifneq ($(TOOL_GOALS),)
ifeq ($(origin TOOLPREFIX),undefined)
TOOLPREFIX := $(call find-prefix)
endif
have-gdb = $(call which,gdb-multiarch riscv64-unknown-elf-gdb riscv64-elf-gdb)
have-hostcc = $(call which,$(or $(HOSTCC),cc))
MISSING := $(if $(TOOLPREFIX),,gcc )$(if $(have-qemu),,qemu )$(if $(OPENSBI_FW),,opensbi )$(if \
	$(have-gdb),,gdb )$(if $(have-hostcc),,host-cc)
ifneq ($(strip $(MISSING)),)
$(info rvshm: missing $(MISSING); running scripts/install-deps.sh)
INSTALL_FAILED := $(shell sh scripts/install-deps.sh 1>&2 || echo failed)
$(if $(INSTALL_FAILED),$(error rvshm: install the packages listed above, then run make again))
TOOLPREFIX := $(call find-prefix)
$(if $(TOOLPREFIX),,$(error rvshm: no RISC-V GCC found after installing; set TOOLPREFIX=...))
endif
endif

CC := $(TOOLPREFIX)gcc
LD := $(TOOLPREFIX)ld
OBJCOPY := $(TOOLPREFIX)objcopy
HOSTCC ?= cc
GDB := $(notdir $(call which,gdb-multiarch riscv64-unknown-elf-gdb riscv64-elf-gdb))
QEMU ?= qemu-system-riscv64

comma := ,
# $(call same,a,b): non-empty if the word lists a and b are the same. (Stripped: GNU make 4.3's
# $(file <name) does not always drop the file's last newline.)
same = $(if $(subst x$(strip $(1)),,x$(strip $(2)))$(subst x$(strip $(2)),,x$(strip $(1))),,1)
# $(call write-if-changed,file,text): make writes text to file itself, and only if the file
# holds something else: its time then changes only with its content, and nothing is run.
write-if-changed = $(if $(call same,$(file <$(1)),$(2)),,$(if $(wildcard $(dir \
	$(1))),,$(shell mkdir -p $(dir $(1))))$(file >$(1),$(2)))

# --- Flags ---
# The kernel is built without F and D, so the compiler cannot touch a user's FP registers:
# only kernel/fpregs.S, which saves and loads them, says .option arch, +d. Programs get the
# RISC-V psABI's lp64d, as on Linux: double in FP registers.
KARCH := -march=rv64imac_zicsr_zifencei -mabi=lp64
UARCH := -march=rv64imafdc_zicsr_zifencei -mabi=lp64d
# The compiler's own headers (stddef.h, stdint.h) and libgcc, where it says they are. Asking
# runs the compiler twice, so the answers are kept in $(B)/toolchain and asked again only when
# the compiler is another, or a path they name is gone.
CC_PATH := $(call which,$(CC))
TOOLCHAIN_CACHE := $(file <$(B)/toolchain)
CACHED_PATHS := $(wordlist 2,3,$(TOOLCHAIN_CACHE))
ifeq ($(TOOL_GOALS),)
else ifneq ($(and $(CACHED_PATHS),$(call same,$(firstword $(TOOLCHAIN_CACHE)),$(CC_PATH)),$(call \
	same,$(wildcard $(CACHED_PATHS)),$(CACHED_PATHS))),)
GCCINC := $(word 1,$(CACHED_PATHS))
LIBGCC := $(word 2,$(CACHED_PATHS))
else
GCCINC := $(shell $(CC) -print-file-name=include 2>/dev/null)
# User programs may need libgcc (128-bit arithmetic, for one); the kernel links without it.
LIBGCC := $(shell $(CC) $(UARCH) -print-libgcc-file-name 2>/dev/null)
$(if $(and $(CC_PATH),$(call same,$(wildcard $(GCCINC) $(LIBGCC)),$(GCCINC) $(LIBGCC))),$(call \
	write-if-changed,$(B)/toolchain,$(CC_PATH) $(GCCINC) $(LIBGCC)))
endif

OPT ?= -O2
COMMON := $(OPT) -g -ffreestanding -fno-common -fno-builtin -fno-stack-protector \
	-fno-pie -no-pie -nostdinc -isystem $(GCCINC) -mcmodel=medany -mno-relax -MMD -MP
KCFLAGS := $(COMMON) $(KARCH) -std=c11 -Wall -Wextra -Werror -fno-omit-frame-pointer \
	-I include -I kernel -I syscall -I $(B)/include -iquote . -D__KERNEL__
# User programs get GCC's default dialect with GNU extensions, as `cc prog.c` on Linux would:
# textbook code writes `asm`, and is not built with -Werror. char is signed, as on the x86-64
# machines textbook code is written on, so `char c = getchar(); c != EOF` works as there.
UCFLAGS := $(COMMON) $(UARCH) -std=gnu11 -fsigned-char -Wall -Wextra -DRVSHM_LAZY=$(LAZY) -I user/include -I include -I tests/lib -iquote . -iquote kernel -iquote user
LDFLAGS := -nostdlib -z max-page-size=4096 --no-warn-rwx-segments

# Harts: CPUS=N (1 to 8). make qemu shows two at work by default; make run, make bench and
# make fuzz use one unless told, so that their output and figures stay comparable.
$(if $(filter-out 1 2 3 4 5 6 7 8,$(CPUS)),$(error CPUS=$(CPUS): rvshm runs on 1 to 8 harts))
QEMU_CPUS = $(or $(CPUS),2)
RUN_CPUS = $(or $(CPUS),1)
QEMUOPTS = -machine virt -bios default -m $(MEM) -smp $(QEMU_CPUS) -nographic -monitor none \
	-serial stdio -kernel $(1)

# --- Sources: one concept per file ---
KSRC := $(wildcard boot/*.S kernel/*.c kernel/*.S kernel/mm/*.c kernel/shm/*.c \
	lib/*.c syscall/*.c)
KOBJ := $(patsubst %,$(B)/k/%.o,$(basename $(KSRC)))
ULIBSRC := $(filter-out user/lib/crt0.S,$(wildcard user/lib/*.c user/lib/*.S lib/*.c)) syscall/usys.S
ULIBOBJ := $(patsubst %,$(B)/u/%.o,$(basename $(ULIBSRC)))
CONFIG_H := $(B)/include/rvshm_config.h

DEMO := user/producer.c user/consumer.c

.PHONY: all qemu qemu-gdb run test test-images grade grader-images bench bench-output demo-output \
	docs fuzz clean format help FORCE
all: $(B)/kernel.elf $(if $(filter build,$(B)),compile_commands.json)

# The configuration header: scripts/gen-config.sh checks the values and rewrites the header
# if it changes. It runs only when the values differ from those of its last success, which
# $(CONFIG_H).args records: a make with nothing to do starts no shell for it.
CONFIG_ARGS := PGSIZE=$(CONFIG_MM_PGSIZE) VBASE=$(CONFIG_ARCH_SHM_VBASE) \
	MAXREGIONS=$(CONFIG_ARCH_SHM_MAXREGIONS) NPAGES=$(CONFIG_ARCH_SHM_NPAGES) \
	NPROC=$(CONFIG_NPROC) NTHREADS=$(CONFIG_NTHREADS) \
	THREADS_PER_PROCESS=$(CONFIG_THREADS_PER_PROCESS) LAZY=$(LAZY)
$(CONFIG_H): FORCE
	$(if $(and $(wildcard $@),$(call same,$(file <$@.args),$(CONFIG_ARGS))),,@sh scripts/gen-config.sh $@ \
		$(CONFIG_ARGS) && echo '$(CONFIG_ARGS)' >$@.args)

# The flags each object was built with, rewritten only when they change: a change of flags
# (a new -march, say) rebuilds every object, as a changed header does.
$(B)/kflags: FORCE
	$(call write-if-changed,$@,$(KCFLAGS))
$(B)/uflags: FORCE
	$(call write-if-changed,$@,$(UCFLAGS))

$(B)/k/%.o: %.c $(B)/kflags | $(CONFIG_H)
	@mkdir -p $(@D) && $(SAY) "  CC      $<"
	$(AT)$(CC) $(KCFLAGS) -c $< -o $@
$(B)/k/%.o: %.S $(B)/kflags | $(CONFIG_H)
	@mkdir -p $(@D) && $(SAY) "  AS      $<"
	$(AT)$(CC) $(KCFLAGS) -c $< -o $@
$(B)/u/%.o: %.c $(B)/uflags
	@mkdir -p $(@D) && $(SAY) "  CC      $< (user)"
	$(AT)$(CC) $(UCFLAGS) -c $< -o $@
$(B)/u/%.o: %.S $(B)/uflags
	@mkdir -p $(@D) && $(SAY) "  AS      $< (user)"
	$(AT)$(CC) $(UCFLAGS) -c $< -o $@
$(B)/ulib.a: $(ULIBOBJ)
	@$(SAY) "  AR      $@"
	$(AT)rm -f $@ && $(TOOLPREFIX)ar rcs $@ $^

# A user program from one or more C files: $(call user-prog,out.elf,sources). A program may
# define a function the library has too (its own strlen, say, as K&R asks): its definition
# comes first and wins, as with other C libraries, where each function is an object of its own.
UHEADERS := $(wildcard user/include/*.h user/include/sys/*.h include/*.h include/sys/*.h tests/lib/*.h)
define user-prog
$(1): $(2) $(B)/ulib.a $(B)/u/user/lib/crt0.o user/user.ld $(UHEADERS)
	@mkdir -p $$(@D) && $(SAY) "  PROG    $$@"
	$$(AT)$$(CC) $$(filter-out -MMD -MP,$$(UCFLAGS)) -nostdlib -static -T user/user.ld \
		-Wl,-z,max-page-size=4096 -Wl,--no-warn-rwx-segments -Wl,--allow-multiple-definition \
		-o $$@ \
		$(B)/u/user/lib/crt0.o $(2) $(B)/ulib.a $$(LIBGCC)
endef

# A kernel image embedding user programs: $(call kernel-image,dir,program-elfs,verbose,audit[,pace])
# progs.S lists the programs; scripts/gen-progs.sh writes it only when that list or the flags
# change (progs.S.args records them), so a second make qemu relinks nothing and runs no shell.
define kernel-image
$(1)/progs.S: FORCE
	$$(if $$(and $$(wildcard $$@),$$(call same,$$(file <$$@.args),$(3) $(4) $(or $(5),0) $(2))),,@mkdir -p $$(@D) && \
		sh scripts/gen-progs.sh $$@ $(3) $(4) $(or $(5),0) $(2) && \
		echo '$(3) $(4) $(or $(5),0) $(2)' >$$@.args)
$(1)/kernel.elf: $(KOBJ) $(1)/progs.S $(2) linker.ld
	@$(SAY) "  LD      $$@"
	$$(AT)$$(CC) $$(KCFLAGS) -c $(1)/progs.S -o $(1)/progs.o
	$$(AT)$$(LD) $$(LDFLAGS) -T linker.ld -o $$@ $(KOBJ) $(1)/progs.o
endef

DEMO_ELFS := $(patsubst user/%.c,$(B)/user/%.elf,$(DEMO))
$(foreach s,$(DEMO),$(eval $(call user-prog,$(patsubst user/%.c,$(B)/user/%.elf,$(s)),$(s))))
$(eval $(call kernel-image,$(B),$(DEMO_ELFS),$(V),$(DEBUG),$(PACE)))

# make run PROG="a.c b.c": each file becomes a program; all start at boot as uid 0.
TIMEOUT ?= 60
RUN_V := $(if $(filter command line,$(origin V)),$(V),0)
# A relative path is looked for here, then where make was started (make -C rvshm run ...).
run-src = $(abspath $(if $(filter /%,$(1))$(wildcard $(1)),$(1),$(or $(wildcard $(PWD)/$(1)),$(1))))
RUN_ELFS := $(foreach p,$(PROG),$(B)/run/$(basename $(notdir $(p))).elf)
$(foreach p,$(PROG),$(eval $(call user-prog,$(B)/run/$(basename $(notdir $(p))).elf,$(call run-src,$(p)))))
# Always rebuilt: the same name may be another file now, or a header it includes changed. Built
# as `cc -Wall prog.c` would build it: unoptimised, so a busy-wait on a shared flag that is not
# volatile still reads memory each time round, as textbook code expects; and without -Wextra,
# which would flag every main(argc, argv) that does not use them.
$(RUN_ELFS): FORCE
$(RUN_ELFS): private UCFLAGS := $(filter-out -Wextra $(OPT),$(UCFLAGS)) -O0
$(eval $(call kernel-image,$(B)/run,$(RUN_ELFS),$(RUN_V),$(DEBUG),$(PACE)))

# make exits only 0, 1 or 2 by itself; so the run's status goes to a file, and `run` exits with
# it through $(exit-with), a make function loaded from scripts/exit_with.c. That ends make at
# once, so it is used only when `run` is all make has to do, and not under make -n. Otherwise
# a failed run still makes make fail, with status 2.
$(B)/run/status: $(B)/run/kernel.elf FORCE
	@bash scripts/run.sh "$(QEMU)" $< $(TIMEOUT) $(MEM) $(RUN_CPUS); echo $$? > $@
RUN_STATUS = $(or $(file <$(B)/run/status),2)
EXIT_NOW = $(and $(filter $(EXIT_WITH),$(.LOADED)),$(if $(filter-out run,$(MAKECMDGOALS)),,1),\
	$(if $(findstring n,$(firstword -$(MAKEFLAGS))),,1))
run: $(B)/run/status
	@$(if $(EXIT_NOW),$(exit-with $(RUN_STATUS)),exit $(RUN_STATUS))

EXIT_WITH := $(B)/host/exit_with.so
HOST_SO_FLAGS := -std=c11 -O2 -Wall -Wextra -Werror -shared -fPIC
$(EXIT_WITH): scripts/exit_with.c
	@mkdir -p $(@D) && $(SAY) "  HOSTCC  $@"
	$(AT)$(HOSTCC) $(HOST_SO_FLAGS) -o $@ $< || \
		echo "make run: could not build $@; a failed run will exit 2, not its status" >&2

ifneq ($(filter run,$(MAKECMDGOALS)),)
ifneq ($(filter load,$(.FEATURES)),)
-load $(EXIT_WITH)
endif
$(if $(PROG),,$(error make run: name your programs, e.g. make run PROG="hello.c"))
$(foreach p,$(PROG),$(if $(wildcard $(call run-src,$(p))),,$(error make run: no such file: $(p))))
$(if $(filter $(words $(sort $(RUN_ELFS))),$(words $(RUN_ELFS))),,\
	$(error make run: two programs share a file name; rename one))
$(if $(word $(CONFIG_NPROC),$(wordlist 2,$(words $(PROG)),$(PROG))),$(error make run: at most \
	$(CONFIG_NPROC) programs, one for each process slot (CONFIG_NPROC=$(CONFIG_NPROC))))
endif

# Q=1, for a projector: no build lines, and no OpenSBI banner before the kernel's first line.
# QEMU's own status is kept through the pipe, so that a failing kernel fails make either way.
qemu: $(B)/kernel.elf
ifeq ($(Q),1)
	@{ $(QEMU) $(call QEMUOPTS,$<); echo $$? >$(B)/qemu.status; } | sh scripts/drop-banner.sh; \
		exit $$(cat $(B)/qemu.status)
else
	$(QEMU) $(call QEMUOPTS,$<)
endif

# The user programs all start at USER_BASE, so gdb gets each one's symbols at that address.
# It debugs a kernel built with -Og in build/gdb/, so that gdb can show every variable.
GDB_USER_SYMBOLS = $(foreach e,$(DEMO_ELFS),add-symbol-file $(e)\n)
ifeq ($(B),build/gdb)
qemu-gdb: $(B)/kernel.elf
	@sed -e 's|@GDBPORT@|$(GDBPORT)|' -e 's|@KERNEL@|$(B)/kernel.elf|' \
		-e 's|@USER_SYMBOLS@|$(GDB_USER_SYMBOLS)|' scripts/gdbinit.in > .gdbinit
	@echo "rvshm: QEMU is halted, waiting for gdb on port $(GDBPORT)."
	@echo "rvshm: in another terminal, in this folder, run: $(GDB) -x .gdbinit"
	$(QEMU) $(call QEMUOPTS,$<) -S -gdb tcp::$(GDBPORT)
else
qemu-gdb:
	@$(MAKE) --no-print-directory B=build/gdb OPT=-Og qemu-gdb
endif

# --- Tests ---
# make test SUITES="a b" boots those suites alone (in both modes), and nothing else.
ALL_SUITES := $(notdir $(wildcard tests/qemu/*))
SUITES := $(ALL_SUITES)
ONLY_SUITES := $(filter command line,$(origin SUITES))
ifneq ($(and $(ONLY_SUITES),$(filter test test-images,$(MAKECMDGOALS))),)
$(if $(strip $(SUITES)),,$(error make test: SUITES is empty; name one or more of: $(ALL_SUITES)))
$(foreach s,$(SUITES),$(if $(wildcard tests/qemu/$(s)/expect),,\
	$(error make test: there is no suite $(s); the suites: $(ALL_SUITES))))
endif
TEST_IMAGES := $(foreach s,$(SUITES),$(B)/tests/$(s)/kernel.elf)
$(foreach s,$(SUITES),$(foreach p,$(wildcard tests/qemu/$(s)/*.c),\
	$(eval $(call user-prog,$(B)/tests/$(s)/$(notdir $(p:.c=.elf)),$(p) tests/lib/utest.c tests/lib/shmtest.c))))
$(foreach s,$(SUITES),$(eval $(call kernel-image,$(B)/tests/$(s),\
	$(patsubst tests/qemu/$(s)/%.c,$(B)/tests/$(s)/%.elf,$(wildcard tests/qemu/$(s)/*.c)),0,1)))

# --- make grade EX=x: the pass criteria of docs/exercises.md (scripts/grade.sh) ---
# Exercise x's graders are suites tests/exercises/x/NAME, built as make test builds its own.
# make test builds them too, so that they keep compiling; it does not boot them.
EXERCISES := $(notdir $(wildcard tests/exercises/*))
EX ?=
ifneq ($(and $(EX),$(filter grade grader-images,$(MAKECMDGOALS))),)
$(foreach x,$(EX),$(if $(filter $(x),$(EXERCISES)),,\
	$(error make grade: there is no exercise $(x); the exercises: $(EXERCISES))))
endif
GRADER_SUITES := $(patsubst tests/%/expect,%,$(wildcard $(foreach x,$(or $(EX),$(EXERCISES)),\
	tests/exercises/$(x)/*/expect)))
GRADER_IMAGES := $(foreach s,$(GRADER_SUITES),$(B)/$(s)/kernel.elf)
$(foreach s,$(GRADER_SUITES),$(foreach p,$(wildcard tests/$(s)/*.c),\
	$(eval $(call user-prog,$(B)/$(s)/$(notdir $(p:.c=.elf)),$(p) tests/lib/utest.c tests/lib/shmtest.c))))
$(foreach s,$(GRADER_SUITES),$(eval $(call kernel-image,$(B)/$(s),\
	$(patsubst tests/$(s)/%.c,$(B)/$(s)/%.elf,$(wildcard tests/$(s)/*.c)),0,1)))

grader-images: $(GRADER_IMAGES)

# Every grader suite boots with eager and with lazy backing, unless its expect says otherwise.
grade: grader-images
	@$(MAKE) --no-print-directory LAZY=1 grader-images
	@JOBS="$(JOBS)" BOOT_LIMIT="$(BOOT_LIMIT)" sh scripts/grade.sh "$(QEMU)" $(or $(EX),$(EXERCISES))

# --- make fuzz SEED=n CALLS=n: the syscall fuzzer, as long as asked (make test runs 20000) ---
SEED ?= 1
CALLS ?= 20000
FUZZ_TIMEOUT ?= 86400
$(eval $(call user-prog,$(B)/fuzz/fuzz.elf,tests/qemu/fuzz/fuzz.c))
$(B)/fuzz/fuzz.elf: UCFLAGS += -DFUZZ_SEED=$(SEED) -DFUZZ_CALLS=$(CALLS)
$(B)/fuzz/fuzz.elf: FORCE
$(eval $(call kernel-image,$(B)/fuzz,$(B)/fuzz/fuzz.elf,0,1))

fuzz: $(B)/fuzz/kernel.elf
	@bash scripts/run.sh "$(QEMU)" $< $(FUZZ_TIMEOUT) $(MEM) $(RUN_CPUS)

# --- Benchmarks: make bench (scripts/bench.sh) ---
$(eval $(call user-prog,$(B)/bench/bench.elf,tests/bench/bench.c))
$(eval $(call kernel-image,$(B)/bench,$(B)/bench/bench.elf,0,0))
$(eval $(call user-prog,$(B)/bench/scale.elf,tests/bench/scale.c))
$(eval $(call kernel-image,$(B)/bench-scale,$(B)/bench/scale.elf,0,0))
SCALE_CONFIG := CONFIG_ARCH_SHM_NPAGES=65536 CONFIG_ARCH_SHM_MAXREGIONS=4 CONFIG_NPROC=40

# Counts each hart's instructions on two harts, where -icount would run one at a time.
HART_INSNS := $(B)/host/hart_insns.so
$(HART_INSNS): scripts/hart_insns.c
	@mkdir -p $(@D) && $(SAY) "  HOSTCC  $@"
	$(AT)$(HOSTCC) $(HOST_SO_FLAGS) -o $@ $<

bench:
	@$(MAKE) --no-print-directory $(B)/bench/kernel.elf $(HART_INSNS)
	@$(MAKE) --no-print-directory LAZY=1 build/lazy/bench/kernel.elf
	@$(MAKE) --no-print-directory B=build/scale $(SCALE_CONFIG) build/scale/bench-scale/kernel.elf
	@$(MAKE) --no-print-directory B=build/scale-lazy LAZY=1 $(SCALE_CONFIG) \
		build/scale-lazy/bench-scale/kernel.elf
	@sh scripts/bench.sh "$(QEMU)" $(HART_INSNS)

# make docs: what the docs quote and draw, from make bench and from the demo (make test checks
# that they still agree). Without python3 the picture is left as it is, and make test says so.
docs: bench-output demo-output
	@sh scripts/doc-figures.sh write bench $(B)/bench.txt
	@sh scripts/doc-figures.sh write demo $(B)/demo.txt
	@if command -v python3 >/dev/null; then python3 scripts/draw-address-spaces.py $(B)/demo.txt; \
	else echo "make docs: no python3; docs/address-spaces.svg is not redrawn" >&2; fi

bench-output:
	@$(MAKE) --no-print-directory -s bench >$(B)/bench.txt

# The demo on one hart and on QEMU's virtual clock (-icount), where every boot prints the same.
demo-output: QEMU_CPUS = 1
demo-output: $(B)/kernel.elf
	@$(QEMU) $(call QEMUOPTS,$<) -icount shift=0 </dev/null | tr -d '\r' >$(B)/demo.txt

UNIT_TESTS := $(patsubst tests/unit/%.c,$(B)/unit/%,$(wildcard tests/unit/test_*.c))
HOSTFLAGS := -std=c11 -g -O1 -Wall -Wextra -Werror -fsanitize=address,undefined \
	-fno-sanitize-recover=all -D__KERNEL__ -iquote . -iquote include -iquote tests/unit/host \
	-iquote kernel -I tests/lib
$(B)/unit/test_%: tests/unit/test_%.c $(wildcard tests/lib/* tests/unit/host/* kernel/*/*.[ch] lib/*.[ch])
	@mkdir -p $(@D) && $(SAY) "  HOSTCC  $@"
	$(AT)$(HOSTCC) $(HOSTFLAGS) -o $@ $< $(shell sed -n 's|^/\* unit-sources: \(.*\) \*/|\1|p' $<)

# The demo as make qemu PACE=1 builds it, for make test to boot beside the plain one.
$(eval $(call kernel-image,$(B)/pace,$(DEMO_ELFS),$(V),$(DEBUG),1))

test-images: $(TEST_IMAGES) $(B)/kernel.elf $(B)/pace/kernel.elf $(GRADER_IMAGES)

# Every in-QEMU suite runs twice: with eager backing, and with lazy backing (LAZY=1).
test: $(if $(ONLY_SUITES),,$(UNIT_TESTS)) test-images
	@$(MAKE) --no-print-directory LAZY=1 test-images
	@GDB=$(GDB) OBJDUMP=$(TOOLPREFIX)objdump JOBS="$(JOBS)" BOOT_LIMIT="$(BOOT_LIMIT)" \
		sh scripts/run-tests.sh "$(QEMU)" $(if $(ONLY_SUITES),--only-suites) \
		$(if $(ONLY_SUITES),,$(UNIT_TESTS)) -- $(SUITES)

# --- compile_commands.json: every file the build compiles, with its command, for clangd and
# other editors. make writes it itself (no shell), and only when it changes; a plain make
# writes it too. Programs built with make run get the user programs' flags, as these do.
define newline


endef
cc-entry = {"directory": "$(CURDIR)", "file": "$(1)", "command": "$(2) -c $(1)"}
CC_USER_PROGS := $(wildcard user/*.c user/examples/*.c tests/qemu/*/*.c tests/lib/*.c \
	tests/bench/*.c tests/run/*.c)
CC_ENTRIES = $(foreach f,$(KSRC),$(call cc-entry,$(f),$(CC) $(KCFLAGS))) \
	$(foreach f,$(ULIBSRC) user/lib/crt0.S,$(call cc-entry,$(f),$(CC) $(UCFLAGS))) \
	$(foreach f,$(CC_USER_PROGS),$(call cc-entry,$(f),$(CC) $(filter-out -MMD -MP,$(UCFLAGS)))) \
	$(foreach f,$(wildcard tests/unit/*.c),$(call cc-entry,$(f),$(HOSTCC) $(HOSTFLAGS))) \
	$(foreach f,scripts/exit_with.c scripts/hart_insns.c,\
		$(call cc-entry,$(f),$(HOSTCC) $(HOST_SO_FLAGS)))
compile_commands.json: FORCE
	$(call write-if-changed,$@,[$(newline)$(subst } {,}$(comma)$(newline){,$(strip \
		$(CC_ENTRIES)))$(newline)])

format:
	clang-format -i $(shell git ls-files '*.c' '*.h')

clean:
	rm -rf $(B) .gdbinit compile_commands.json

define HELP
Targets:
  make                              build build/kernel.elf: the kernel with the two-process demo
  make qemu                         boot the demo in QEMU
  make qemu-gdb                     boot the demo halted, waiting for gdb on localhost:GDBPORT
  make run PROG="a.c b.c"           build programs into a kernel, boot it, exit with their status
  make test                         host unit tests and in-QEMU suites: "N passed, M failed"
  make test-images                  build the kernels make test boots, without booting them
  make grade                        score the exercises of docs/exercises.md (EX=a: one)
  make grader-images                build the kernels make grade boots, without booting them
  make bench                        exact instruction counts of the kernel's paths
  make bench-output                 make bench's figures into build/bench.txt
  make docs                         set what the docs quote and draw from make bench and the demo
  make demo-output                  the demo on one hart, on QEMU's virtual clock: build/demo.txt
  make fuzz                         the system-call fuzzer, for as long as asked (SEED, CALLS)
  make format                       run clang-format over the tree
  make compile_commands.json        the compile commands, for clangd (a plain make writes it)
  make clean                        remove the build directory and .gdbinit
  make help                         this list
Variables (make TARGET NAME=value), with their defaults:
  MEM=128M                          QEMU's RAM; the kernel reads its size from the device tree
  CPUS=                             harts, 1 to 8 (make qemu: 2; make run, bench, fuzz: 1)
  V=1                               kernel narration (make run: V=0)
  PACE=0                            1: the narration pauses after each step, for a classroom
  Q=0                               1: make qemu hides OpenSBI's banner and the build lines
  LAZY=0                            1: shared frames are allocated at the first touch
  DEBUG=0                           1: the kernel checks its page accounting at every exit
  CONFIG_MM_PGSIZE=4096             the page size (Sv39's)
  CONFIG_ARCH_SHM_VBASE=0x40000000  where each process's shared-memory window starts
  CONFIG_ARCH_SHM_MAXREGIONS=64     segments in the system, and attachments per process
  CONFIG_ARCH_SHM_NPAGES=1024       the largest segment, in pages
  CONFIG_NPROC=16                   process slots
  CONFIG_NTHREADS=64                thread slots, in all processes together
  CONFIG_THREADS_PER_PROCESS=16     the most threads one process may have
  PROG=                             make run: the C files, one program each, started in order
  TIMEOUT=60                        make run: seconds before QEMU is stopped (status 124)
  SEED=1                            make fuzz: the fuzzer's seed
  CALLS=20000                       make fuzz: how many system calls
  FUZZ_TIMEOUT=86400                make fuzz: seconds before QEMU is stopped
  SUITES=                           make test: boot only these suites, e.g. SUITES="libc shm_get"
  EX=                               make grade: only this exercise, e.g. EX=a
  JOBS=                             make test: tests run at once (default: the CPUs, here $(JOBS))
  BOOT_LIMIT=300                    make test: seconds after which a boot counts as hung
  GDBPORT=26000                     make qemu-gdb: the port gdb connects to
  GDB=                              the gdb make test drives (default: the first RISC-V gdb found)
  B=build                           the build directory (build/lazy with LAZY=1)
  OPT=-O2                           the optimisation of the kernel and the test programs
  BUILD_VERBOSE=0                   1: print every command of the build
  TOOLPREFIX=                       the RISC-V GCC's prefix (default: the first one found)
  QEMU=qemu-system-riscv64          the QEMU to boot
  HOSTCC=cc                         the compiler of the host unit tests
endef

help:
	$(info $(HELP))@:

# The dependencies the compiler wrote for this build's objects (the builds nested in $(B), such
# as $(B)/lazy, are other makes' business).
-include $(KOBJ:.o=.d) $(ULIBOBJ:.o=.d) $(B)/u/user/lib/crt0.d
