// The libcurl functions the libcurl variants call, defined here as calls into the library
// opened on first use (idiombench/support/library_on_demand.hpp): linked, libcurl and its
// ~30 dependencies (TLS, Kerberos, LDAP, SSH, IDN) cost every benchmark's process ~15 ms
// of loading before main, whichever variant it runs.
//
// Hidden: the executable exports its symbols (for the embedded Python's extensions), and
// no other library's calls to libcurl must bind to these.
#include <curl/curl.h>

#include <cstdarg>

#include "idiombench/support/library_on_demand.hpp"

// curl.h makes these macros that check the argument count; the definitions below are the
// functions themselves.
#undef curl_easy_setopt
#undef curl_easy_getinfo
#undef curl_multi_setopt

#define ON_DEMAND extern "C" __attribute__((visibility("hidden")))

// The variadic functions' last named parameter is an enum, as curl.h declares them (and
// libcurl itself reads its arguments so): clang notes that the enum may be promoted. Every
// ABI the project builds for passes it as an int-sized argument; va_start is exact here.
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wvarargs"
#endif

namespace {

template <class Function>
Function* libcurl(const char* name) {
  static const idiombench::support::LibraryOnDemand library({IDIOMBENCH_CURL_SONAME});
  return library.function<Function>(name);
}

using AnyFunction = void (*)();

}  // namespace

ON_DEMAND CURLcode curl_global_init(long flags) {
  static auto* const real = libcurl<decltype(curl_global_init)>(__func__);
  return real(flags);
}

ON_DEMAND const char* curl_easy_strerror(CURLcode code) {
  static auto* const real = libcurl<decltype(curl_easy_strerror)>(__func__);
  return real(code);
}

ON_DEMAND curl_slist* curl_slist_append(curl_slist* list, const char* data) {
  static auto* const real = libcurl<decltype(curl_slist_append)>(__func__);
  return real(list, data);
}

ON_DEMAND void curl_slist_free_all(curl_slist* list) {
  static auto* const real = libcurl<decltype(curl_slist_free_all)>(__func__);
  real(list);
}

ON_DEMAND CURL* curl_easy_init(void) {
  static auto* const real = libcurl<decltype(curl_easy_init)>(__func__);
  return real();
}

ON_DEMAND void curl_easy_cleanup(CURL* easy) {
  static auto* const real = libcurl<decltype(curl_easy_cleanup)>(__func__);
  real(easy);
}

// The option's one argument is read as its type says (curl.h's CURLOPTTYPE_ ranges), as
// libcurl reads it, and passed on as that type.
ON_DEMAND CURLcode curl_easy_setopt(CURL* easy, CURLoption option, ...) {
  static auto* const real = libcurl<decltype(curl_easy_setopt)>(__func__);
  va_list arguments;
  va_start(arguments, option);
  CURLcode result;
  if (option < CURLOPTTYPE_OBJECTPOINT)
    result = real(easy, option, va_arg(arguments, long));
  else if (option < CURLOPTTYPE_FUNCTIONPOINT)
    result = real(easy, option, va_arg(arguments, void*));
  else if (option < CURLOPTTYPE_OFF_T)
    result = real(easy, option, va_arg(arguments, AnyFunction));
  else if (option < CURLOPTTYPE_BLOB)
    result = real(easy, option, va_arg(arguments, curl_off_t));
  else
    result = real(easy, option, va_arg(arguments, void*));
  va_end(arguments);
  return result;
}

// Every CURLINFO_ takes a pointer to where the answer goes.
ON_DEMAND CURLcode curl_easy_getinfo(CURL* easy, CURLINFO info, ...) {
  static auto* const real = libcurl<decltype(curl_easy_getinfo)>(__func__);
  va_list arguments;
  va_start(arguments, info);
  const CURLcode result = real(easy, info, va_arg(arguments, void*));
  va_end(arguments);
  return result;
}

ON_DEMAND CURLM* curl_multi_init(void) {
  static auto* const real = libcurl<decltype(curl_multi_init)>(__func__);
  return real();
}

ON_DEMAND CURLMcode curl_multi_cleanup(CURLM* multi) {
  static auto* const real = libcurl<decltype(curl_multi_cleanup)>(__func__);
  return real(multi);
}

ON_DEMAND CURLMcode curl_multi_setopt(CURLM* multi, CURLMoption option, ...) {
  static auto* const real = libcurl<decltype(curl_multi_setopt)>(__func__);
  va_list arguments;
  va_start(arguments, option);
  CURLMcode result;
  if (option < CURLOPTTYPE_OBJECTPOINT)
    result = real(multi, option, va_arg(arguments, long));
  else if (option < CURLOPTTYPE_FUNCTIONPOINT)
    result = real(multi, option, va_arg(arguments, void*));
  else if (option < CURLOPTTYPE_OFF_T)
    result = real(multi, option, va_arg(arguments, AnyFunction));
  else
    result = real(multi, option, va_arg(arguments, curl_off_t));
  va_end(arguments);
  return result;
}

ON_DEMAND CURLMcode curl_multi_add_handle(CURLM* multi, CURL* easy) {
  static auto* const real = libcurl<decltype(curl_multi_add_handle)>(__func__);
  return real(multi, easy);
}

ON_DEMAND CURLMcode curl_multi_remove_handle(CURLM* multi, CURL* easy) {
  static auto* const real = libcurl<decltype(curl_multi_remove_handle)>(__func__);
  return real(multi, easy);
}

ON_DEMAND CURLMcode curl_multi_perform(CURLM* multi, int* running) {
  static auto* const real = libcurl<decltype(curl_multi_perform)>(__func__);
  return real(multi, running);
}

ON_DEMAND CURLMcode curl_multi_poll(CURLM* multi, curl_waitfd extra_fds[], unsigned int extra_nfds,
                                    int timeout_ms, int* ret) {
  static auto* const real = libcurl<decltype(curl_multi_poll)>(__func__);
  return real(multi, extra_fds, extra_nfds, timeout_ms, ret);
}

ON_DEMAND CURLMsg* curl_multi_info_read(CURLM* multi, int* queued) {
  static auto* const real = libcurl<decltype(curl_multi_info_read)>(__func__);
  return real(multi, queued);
}

ON_DEMAND CURLMcode curl_multi_socket_action(CURLM* multi, curl_socket_t socket, int events,
                                             int* running) {
  static auto* const real = libcurl<decltype(curl_multi_socket_action)>(__func__);
  return real(multi, socket, events, running);
}

ON_DEMAND CURLMcode curl_multi_assign(CURLM* multi, curl_socket_t socket, void* pointer) {
  static auto* const real = libcurl<decltype(curl_multi_assign)>(__func__);
  return real(multi, socket, pointer);
}
