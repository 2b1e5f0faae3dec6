#include "util/Version.h"

namespace crosstalk {

QString versionString()
{
    return QStringLiteral(CROSSTALK_VERSION);
}

QString productName()
{
    return QStringLiteral("Crosstalk");
}

} // namespace crosstalk
