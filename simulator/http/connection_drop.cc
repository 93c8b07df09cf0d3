#include "simulator/http/connection_drop.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace opcsim::http {
namespace {

int PortOf(const sockaddr_storage& address) {
  if (address.ss_family == AF_INET) {
    return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
  }
  if (address.ss_family == AF_INET6) {
    return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
  }
  return -1;
}

std::string HostOf(const sockaddr_storage& address) {
  char buffer[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(address).sin_addr, buffer,
              sizeof(buffer));
  } else if (address.ss_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(address).sin6_addr, buffer,
              sizeof(buffer));
  }
  return buffer;
}

bool IsRequestSocket(int fd, const httplib::Request& request) {
  struct stat info {};
  if (fstat(fd, &info) != 0 || !S_ISSOCK(info.st_mode)) {
    return false;
  }
  sockaddr_storage local{};
  sockaddr_storage peer{};
  socklen_t local_length = sizeof(local);
  socklen_t peer_length = sizeof(peer);
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_length) != 0 ||
      getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_length) != 0) {
    return false;
  }
  return PortOf(local) == request.local_port && PortOf(peer) == request.remote_port &&
         HostOf(peer) == request.remote_addr;
}

bool ShutdownRequestSocket(const httplib::Request& request) {
  DIR* directory = opendir("/proc/self/fd");
  if (directory == nullptr) {
    return false;
  }
  bool done = false;
  while (dirent* entry = readdir(directory)) {
    char* end = nullptr;
    const long fd = std::strtol(entry->d_name, &end, 10);
    if (end == entry->d_name || *end != '\0' || fd == dirfd(directory)) {
      continue;
    }
    if (IsRequestSocket(static_cast<int>(fd), request)) {
      // Linger 0 makes the eventual close() send a reset rather than a graceful FIN.
      linger hard_close{1, 0};
      setsockopt(static_cast<int>(fd), SOL_SOCKET, SO_LINGER, &hard_close, sizeof(hard_close));
      shutdown(static_cast<int>(fd), SHUT_RDWR);
      done = true;
      break;
    }
  }
  closedir(directory);
  return done;
}

}  // namespace

void DropConnection(const httplib::Request& request, httplib::Response& response) {
  if (ShutdownRequestSocket(request)) {
    return;
  }
  response.status = 200;
  response.set_content_provider(
      1024, "application/json",
      [](size_t /*offset*/, size_t /*length*/, httplib::DataSink& /*sink*/) { return false; });
}

}  // namespace opcsim::http
