// What is running on the machine, from /proc: used to prove no provider process outlives a
// terraform command.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <vector>

namespace opc::e2e {

// Processes whose executable path satisfies `match` (unreadable entries are skipped).
std::vector<pid_t> ProcessesWithExecutable(
    const std::function<bool(const std::filesystem::path& exe)>& match);

// Socket files directly inside `dir`.
std::vector<std::filesystem::path> SocketFilesIn(const std::filesystem::path& dir);

}  // namespace opc::e2e
