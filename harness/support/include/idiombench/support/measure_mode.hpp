// Whether this process counts instructions (`--measure instructions`, under callgrind)
// rather than timing. Work sized against the clock (a CPU burner calibrated to cost N ns)
// must then use a fixed nominal size, or its instruction count would follow the speed
// of the machine at calibration time and never repeat.
#pragma once

namespace idiombench::support {

// True under Valgrind (the harness runs a counting child under callgrind, and only then).
bool counting_instructions();

}  // namespace idiombench::support
