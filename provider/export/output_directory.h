// Writes the generated files into the output directory. A re-export replaces what an earlier
// export wrote (files whose first line is kGeneratedMarker), including files it no longer
// produces (a country that has no numbers left), and never touches any other file, such as a
// backend configuration kept next to the export.
#pragma once

#include <filesystem>
#include <vector>

#include "absl/status/status.h"
#include "provider/export/configuration.h"

namespace opc::exporter {

absl::Status WriteOutputDirectory(const std::filesystem::path& dir,
                                  const std::vector<GeneratedFile>& files);

}  // namespace opc::exporter
