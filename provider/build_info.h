// What this binary is: its version and the git commit it was built from. Defined in a file
// generated at build time (cmake/WriteBuildInfo.cmake), so that only that file changes between
// commits.
#pragma once

#include <string_view>

namespace opc::build_info {

std::string_view Version();  // e.g. "0.1.0" (the OPC_VERSION cache variable)
std::string_view Commit();   // e.g. "a4d802c1f3b2", "-dirty" appended for local changes

}  // namespace opc::build_info
