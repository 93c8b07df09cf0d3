#include "process_table.h"

#include <string>
#include <system_error>

namespace opc::e2e {

std::vector<pid_t> ProcessesWithExecutable(
    const std::function<bool(const std::filesystem::path& exe)>& match) {
  std::vector<pid_t> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) {
      continue;
    }
    std::error_code link_ec;
    std::filesystem::path exe = std::filesystem::read_symlink(entry.path() / "exe", link_ec);
    if (link_ec) {
      continue;
    }
    // A deleted executable reads as "<path> (deleted)": still ours.
    std::string text = exe.string();
    const std::string deleted = " (deleted)";
    if (text.size() > deleted.size() &&
        text.compare(text.size() - deleted.size(), deleted.size(), deleted) == 0) {
      exe = text.substr(0, text.size() - deleted.size());
    }
    if (match(exe)) {
      out.push_back(static_cast<pid_t>(std::stol(name)));
    }
  }
  return out;
}

std::vector<std::filesystem::path> SocketFilesIn(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::error_code type_ec;
    if (entry.is_socket(type_ec)) {
      out.push_back(entry.path());
    }
  }
  return out;
}

}  // namespace opc::e2e
