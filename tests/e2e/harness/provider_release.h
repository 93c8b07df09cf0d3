// The provider "release" layout Terraform installs from: a filesystem mirror holding the built
// binary, and a CLI configuration that sends our source address there (and everything else to
// the registry).
#pragma once

#include <filesystem>
#include <string>

namespace opc::e2e {

inline constexpr char kProviderSource[] = "localhost/operatorconnect/operatorconnect";
inline constexpr char kProviderVersion[] = "0.1.0";
inline constexpr char kPlatform[] = "linux_amd64";

// The built provider binary: $OPC_PROVIDER_BINARY, else the path CMake compiled in.
std::filesystem::path BuiltProviderBinary();

// Copies `binary` to <mirror>/localhost/operatorconnect/operatorconnect/0.1.0/linux_amd64/
// terraform-provider-operatorconnect_v0.1.0 and returns that path.
std::filesystem::path InstallIntoMirror(const std::filesystem::path& binary,
                                        const std::filesystem::path& mirror);

// provider_installation { filesystem_mirror {...} direct { exclude = [...] } }
std::string MirrorCliConfig(const std::filesystem::path& mirror);

// The terraform { required_providers { operatorconnect = {...} } } block.
std::string RequiredProvidersBlock();

}  // namespace opc::e2e
