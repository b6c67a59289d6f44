#ifndef TALLY_CLIBXML2_SHIM_H
#define TALLY_CLIBXML2_SHIM_H
// libxml2 as Tally uses it. ICU is switched off before the other headers so that a module that also
// imports Foundation does not see two definitions of `UErrorCode` (see ../shared/DESIGN.md, traps).
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a C global function pointer, which Swift 6 rejects as shared mutable state.
static inline void tally_xmlFree(void *pointer) { xmlFree(pointer); }
#endif
