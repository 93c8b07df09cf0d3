#pragma once

#include <httplib.h>

namespace opcsim::http {

// Makes the client see the connection die without a response.
//
// cpp-httplib does not expose a request's socket, so this finds it among the process's file
// descriptors by its (local port, peer address and port) and shuts it down; cpp-httplib then
// fails to write and closes it. If the socket cannot be found, the response is set up to abort
// after the headers (the client still sees a broken, incomplete response).
void DropConnection(const httplib::Request& request, httplib::Response& response);

}  // namespace opcsim::http
