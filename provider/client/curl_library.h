// libcurl, loaded when the first HTTP request needs it rather than when the process starts.
//
// Why: Terraform starts the provider several times for one plan, and most of those processes
// only answer schema and validation calls without ever talking HTTP. libcurl as Debian builds
// it brings some 25 shared libraries of its own (TLS, HTTP/2, LDAP, Kerberos, IDN...), and
// loading and relocating them was a large part of every start. Loading it with dlopen on first
// use keeps that cost in the processes that send requests.
#pragma once

#include <curl/curl.h>

#include "absl/status/statusor.h"

namespace opc::client {

// The libcurl entry points this program uses. curl_easy_setopt is variadic, as in curl.h
// (calling through the pointer skips curl.h's compile-time option type checks).
struct CurlLibrary {
  decltype(&::curl_global_init) global_init;
  decltype(&::curl_easy_init) easy_init;
  decltype(&::curl_easy_cleanup) easy_cleanup;
  decltype(&::curl_easy_reset) easy_reset;
  decltype(&::curl_easy_setopt) easy_setopt;
  decltype(&::curl_easy_perform) easy_perform;
  decltype(&::curl_easy_getinfo) easy_getinfo;
  decltype(&::curl_easy_strerror) easy_strerror;
  decltype(&::curl_slist_append) slist_append;
  decltype(&::curl_slist_free_all) slist_free_all;
  decltype(&::curl_getdate) getdate;
};

// The soname loaded (libcurl's ABI has been stable under this name since 2006).
inline constexpr char kCurlLibraryName[] = "libcurl.so.4";

// The process's libcurl: loaded and curl_global_init'ed once, on the first call (thread-safe),
// never unloaded. FailedPrecondition naming the library when it cannot be loaded or lacks an
// entry point; every later call returns the same answer.
absl::StatusOr<const CurlLibrary*> LoadCurl();

}  // namespace opc::client
