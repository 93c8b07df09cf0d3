#include "provider_release.h"

#include <cstdlib>

namespace opc::e2e {

std::filesystem::path BuiltProviderBinary() {
  if (const char* path = std::getenv("OPC_PROVIDER_BINARY"); path != nullptr && *path != '\0') {
    return path;
  }
#ifdef OPC_PROVIDER_BINARY
  return OPC_PROVIDER_BINARY;
#else
  return {};
#endif
}

std::filesystem::path InstallIntoMirror(const std::filesystem::path& binary,
                                        const std::filesystem::path& mirror) {
  std::filesystem::path dir = mirror / kProviderSource / kProviderVersion / kPlatform;
  std::filesystem::create_directories(dir);
  std::filesystem::path target =
      dir / (std::string("terraform-provider-operatorconnect_v") + kProviderVersion);
  std::filesystem::copy_file(binary, target, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::permissions(target, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::add);
  return target;
}

std::string MirrorCliConfig(const std::filesystem::path& mirror) {
  return "provider_installation {\n"
         "  filesystem_mirror {\n"
         "    path    = \"" +
         mirror.string() +
         "\"\n"
         "    include = [\"localhost/operatorconnect/*\"]\n"
         "  }\n"
         "  direct {\n"
         "    exclude = [\"localhost/operatorconnect/*\"]\n"
         "  }\n"
         "}\n";
}

std::string RequiredProvidersBlock() {
  return std::string(
             "terraform {\n"
             "  required_providers {\n"
             "    operatorconnect = {\n"
             "      source  = \"") +
         kProviderSource + "\"\n      version = \"" + kProviderVersion + "\"\n    }\n  }\n}\n";
}

}  // namespace opc::e2e
