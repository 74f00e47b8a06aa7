// The libxml2 functions the title extraction calls, defined here as calls into the library
// opened on first use (idiombench/support/library_on_demand.hpp): linked, libxml2 brings
// ICU and liblzma into every benchmark's process, whichever suite it belongs to.
//
// Hidden: the executable exports its symbols (for the embedded Python's extensions), and
// lxml's or any other library's calls to libxml2 must not bind to these.
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlstring.h>

#include "idiombench/support/library_on_demand.hpp"

#define ON_DEMAND extern "C" __attribute__((visibility("hidden")))

namespace {

template <class Function>
Function* libxml2(const char* name) {
  static const idiombench::support::LibraryOnDemand library({IDIOMBENCH_LIBXML2_SONAME});
  return library.function<Function>(name);
}

}  // namespace

ON_DEMAND void xmlInitParser(void) {
  static auto* const real = libxml2<decltype(xmlInitParser)>(__func__);
  real();
}

ON_DEMAND void xmlStopParser(xmlParserCtxtPtr context) {
  static auto* const real = libxml2<decltype(xmlStopParser)>(__func__);
  real(context);
}

ON_DEMAND int xmlStrcasecmp(const xmlChar* a, const xmlChar* b) {
  static auto* const real = libxml2<decltype(xmlStrcasecmp)>(__func__);
  return real(a, b);
}

ON_DEMAND htmlParserCtxtPtr htmlCreatePushParserCtxt(htmlSAXHandlerPtr sax, void* user_data,
                                                     const char* chunk, int size,
                                                     const char* filename, xmlCharEncoding enc) {
  static auto* const real = libxml2<decltype(htmlCreatePushParserCtxt)>(__func__);
  return real(sax, user_data, chunk, size, filename, enc);
}

ON_DEMAND int htmlCtxtUseOptions(htmlParserCtxtPtr context, int options) {
  static auto* const real = libxml2<decltype(htmlCtxtUseOptions)>(__func__);
  return real(context, options);
}

ON_DEMAND int htmlParseChunk(htmlParserCtxtPtr context, const char* chunk, int size,
                             int terminate) {
  static auto* const real = libxml2<decltype(htmlParseChunk)>(__func__);
  return real(context, chunk, size, terminate);
}

ON_DEMAND void htmlFreeParserCtxt(htmlParserCtxtPtr context) {
  static auto* const real = libxml2<decltype(htmlFreeParserCtxt)>(__func__);
  real(context);
}
