#include "debug_session.h"

namespace opc::e2e {

std::unique_ptr<ProviderDebugSession> ProviderDebugSession::Start(
    const std::filesystem::path& binary, const std::filesystem::path& tmp_dir, std::string* error) {
  ChildProcess::Options options;
  options.argv = {binary.string(), "--debug"};
  options.env = CurrentEnvironment();
  options.env["TMPDIR"] = tmp_dir.string();
  auto session = std::unique_ptr<ProviderDebugSession>(new ProviderDebugSession());
  session->process_ = ChildProcess::Start(options, error);
  if (session->process_ == nullptr) {
    return nullptr;
  }
  const std::string marker = "TF_REATTACH_PROVIDERS='";
  std::optional<std::string> line = session->process_->WaitForStdoutLine(
      [&](const std::string& l) { return l.find(marker) != std::string::npos; },
      std::chrono::seconds(20));
  if (!line.has_value()) {
    *error = "no TF_REATTACH_PROVIDERS line; stdout: " + session->process_->stdout_text() +
             "\nstderr: " + session->process_->stderr_text();
    return nullptr;
  }
  size_t start = line->find(marker) + marker.size();
  size_t end = line->rfind('\'');
  if (end == std::string::npos || end < start) {
    *error = "malformed reattach line: " + *line;
    return nullptr;
  }
  session->reattach_json_ = line->substr(start, end - start);
  return session;
}

ProcessResult ProviderDebugSession::Stop(int signo, std::chrono::milliseconds timeout) {
  process_->Signal(signo);
  return process_->Wait(timeout);
}

}  // namespace opc::e2e
