#include "provider/export/output_directory.h"

#include <fstream>
#include <set>
#include <string>
#include <system_error>

namespace opc::exporter {
namespace {

bool WrittenByAnExport(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string first_line;
  return std::getline(in, first_line) && first_line == kGeneratedMarker;
}

absl::Status Failed(const std::string& what, const std::filesystem::path& path,
                    const std::error_code& ec) {
  return absl::InternalError(what + " " + path.string() + ": " + ec.message());
}

}  // namespace

absl::Status WriteOutputDirectory(const std::filesystem::path& dir,
                                  const std::vector<GeneratedFile>& files) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return Failed("cannot create the output directory", dir, ec);
  }
  std::set<std::string> names;
  for (const GeneratedFile& file : files) {
    names.insert(file.name);
    const std::filesystem::path path = dir / file.name;
    if (std::filesystem::exists(path, ec) && !WrittenByAnExport(path)) {
      return absl::AlreadyExistsError(
          path.string() +
          " exists and was not written by an export; move it away or choose another "
          "--output-dir.");
    }
  }
  for (const std::filesystem::directory_entry& entry :
       std::filesystem::directory_iterator(dir, ec)) {
    const std::filesystem::path& path = entry.path();
    if (entry.is_regular_file() && path.extension() == ".tf" &&
        names.count(path.filename().string()) == 0 && WrittenByAnExport(path)) {
      std::filesystem::remove(path, ec);
      if (ec) {
        return Failed("cannot remove the stale file", path, ec);
      }
    }
  }
  if (ec) {
    return Failed("cannot list", dir, ec);
  }
  for (const GeneratedFile& file : files) {
    // Written beside the target and renamed over it, so an interrupted export never leaves
    // half a file.
    const std::filesystem::path path = dir / file.name;
    const std::filesystem::path partial = dir / (file.name + ".partial");
    {
      std::ofstream out(partial, std::ios::binary | std::ios::trunc);
      out << file.contents;
      out.close();
      if (!out) {
        return absl::InternalError("cannot write " + partial.string());
      }
    }
    std::filesystem::rename(partial, path, ec);
    if (ec) {
      return Failed("cannot write", path, ec);
    }
  }
  return absl::OkStatus();
}

}  // namespace opc::exporter
