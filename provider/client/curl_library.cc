#include "provider/client/curl_library.h"

#include <dlfcn.h>

#include <string>

#include "provider/client/string_util.h"

namespace opc::client {
namespace {

absl::StatusOr<CurlLibrary> Load() {
  // RTLD_LOCAL: curl's dependencies (OpenSSL among them) resolve as they would at start-up.
  void* handle = ::dlopen(kCurlLibraryName, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* error = ::dlerror();
    return absl::FailedPreconditionError(StrCat("cannot load ", kCurlLibraryName,
                                                " (the HTTP client library; install libcurl4): ",
                                                error != nullptr ? error : "unknown error"));
  }
  CurlLibrary lib{};
  std::string missing;
  const auto resolve = [&](auto& entry, const char* name) {
    entry = reinterpret_cast<std::remove_reference_t<decltype(entry)>>(::dlsym(handle, name));
    if (entry == nullptr) {
      missing = name;
    }
  };
  resolve(lib.global_init, "curl_global_init");
  resolve(lib.easy_init, "curl_easy_init");
  resolve(lib.easy_cleanup, "curl_easy_cleanup");
  resolve(lib.easy_reset, "curl_easy_reset");
  resolve(lib.easy_setopt, "curl_easy_setopt");
  resolve(lib.easy_perform, "curl_easy_perform");
  resolve(lib.easy_getinfo, "curl_easy_getinfo");
  resolve(lib.easy_strerror, "curl_easy_strerror");
  resolve(lib.slist_append, "curl_slist_append");
  resolve(lib.slist_free_all, "curl_slist_free_all");
  resolve(lib.getdate, "curl_getdate");
  if (!missing.empty()) {
    return absl::FailedPreconditionError(
        StrCat(kCurlLibraryName, " has no ", missing, ": too old a libcurl"));
  }
  if (CURLcode code = lib.global_init(CURL_GLOBAL_DEFAULT); code != CURLE_OK) {
    return absl::FailedPreconditionError(
        StrCat("curl_global_init failed (curl error ", static_cast<int>(code), ")"));
  }
  return lib;
}

}  // namespace

absl::StatusOr<const CurlLibrary*> LoadCurl() {
  // A function-local static: loaded once, by whichever thread asks first.
  static const absl::StatusOr<CurlLibrary> loaded = Load();
  if (!loaded.ok()) {
    return loaded.status();
  }
  return &*loaded;
}

}  // namespace opc::client
