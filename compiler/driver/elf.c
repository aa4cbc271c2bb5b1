/*
 * elf.c: a linked program or object file read back by the driver, for the passes that look at what
 * the link made (deadmethod.c's symbol lists, pctab.c's DWARF and code layout).
 *
 * In: a path. Out: the file mapped read-only with its section table (ElfFile), and sections found
 * by name. The one idea: map the whole file once and hand out pointers into it, checked against
 * its size only where a header says where something lies, so a truncated or foreign file is a
 * `false`, never a read past the mapping. 64-bit ELF only: gocc targets linux/amd64.
 */
#include "driver.h"

#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

bool elf_open(ElfFile *e, const char *path)
{
	*e = (ElfFile){0};
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		if (fd >= 0)
			close(fd);
		return false;
	}
	void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (m == MAP_FAILED)
		return false;
	e->data = m;
	e->size = (size_t)st.st_size;
	const Elf64_Ehdr *h = m;
	if (e->size < sizeof *h || memcmp(h->e_ident, ELFMAG, SELFMAG) != 0 || h->e_ident[EI_CLASS] != ELFCLASS64 ||
	    h->e_shoff + (size_t)h->e_shnum * sizeof(Elf64_Shdr) > e->size || h->e_shstrndx >= h->e_shnum)
		return false;
	e->sh = (const Elf64_Shdr *)(e->data + h->e_shoff);
	e->shnum = h->e_shnum;
	e->shstr = (const char *)e->data + e->sh[h->e_shstrndx].sh_offset;
	return true;
}

void elf_close(ElfFile *e)
{
	if (e->data)
		munmap((void *)e->data, e->size);
	*e = (ElfFile){0};
}

const Elf64_Shdr *elf_section(const ElfFile *e, const char *name)
{
	for (int i = 0; i < e->shnum; i++)
		if (strcmp(e->shstr + e->sh[i].sh_name, name) == 0)
			return &e->sh[i];
	return NULL;
}
