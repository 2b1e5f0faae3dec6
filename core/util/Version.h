#pragma once

#include <QString>

namespace crosstalk {

/// The version of this build, as set by the top-level CMake project.
QString versionString();

/// The product name shown to people.
QString productName();

} // namespace crosstalk
