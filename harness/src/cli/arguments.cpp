#include "cli/arguments.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "plan/plan.hpp"

namespace idiombench {

bool valid_utf8(const std::string& text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = s[i];
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      length = 2;
      code = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3;
      code = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4;
      code = c & 0x07;
    } else {
      return false;
    }
    if (i + length > n) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      code = (code << 6) | (s[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    static constexpr std::uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kSmallest[length] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF)
      return false;
    i += length;
  }
  return true;
}

void check_raw_arguments(int argc, const char* const* argv,
                         const std::vector<std::string>& commands) {
  for (int i = 1; i < argc; ++i) {
    if (!valid_utf8(argv[i])) {
      throw UsageError("argument " + std::to_string(i) +
                       " is not valid UTF-8 (names, patterns and paths must be)");
    }
  }
  if (argc < 2 || argv[1][0] == '-') return;
  if (std::find(commands.begin(), commands.end(), argv[1]) == commands.end()) {
    std::string known;
    for (const auto& c : commands) {
      if (c.front() != '_') known += (known.empty() ? "" : ", ") + c;
    }
    throw UsageError(
        one_line("unknown command '" + std::string(argv[1]) + "' (commands: " + known + ")"));
  }
}

CLI::Validator unsigned_64() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        std::uint64_t value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc() || end != text.data() + text.size())
          return "must be a whole number from 0 to 18446744073709551615";
        return {};
      },
      "UINT64");
}

CLI::Validator fraction() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const bool percent = !text.empty() && text.back() == '%';
        const std::string number = percent ? text.substr(0, text.size() - 1) : text;
        char* end = nullptr;
        double value = std::strtod(number.c_str(), &end);
        if (end == number.c_str() || *end != '\0' || !std::isfinite(value))
          return "must be a fraction such as 3% or 0.03";
        if (percent) value /= 100;
        if (value <= 0 || value >= 1) return "must be above 0% and below 100%";
        text = std::to_string(value);
        return {};
      },
      "FRACTION");
}

CLI::Validator duration_up_to(double max) {
  return CLI::Validator(
      [max](std::string& text) -> std::string {
        double unit = 1;
        std::string number = text;
        if (!number.empty() && std::string("smh").find(number.back()) != std::string::npos) {
          unit = number.back() == 'h' ? 3600 : number.back() == 'm' ? 60 : 1;
          number.pop_back();
        }
        char* end = nullptr;
        const double value = std::strtod(number.c_str(), &end) * unit;
        if (end == number.c_str() || *end != '\0' || !std::isfinite(value) || value <= 0 ||
            value > max)
          return "must be a duration such as 90s, 10m or 1h, above 0 and at most " +
                 std::to_string(static_cast<long long>(max)) + " s";
        text = std::to_string(value);
        return {};
      },
      "DURATION");
}

CLI::Validator seconds_up_to(double max) {
  return CLI::Validator(
      [max](std::string& text) -> std::string {
        char* end = nullptr;
        const double value = std::strtod(text.c_str(), &end);
        if (end == text.c_str() || *end != '\0' || !std::isfinite(value) || value <= 0 ||
            value > max) {
          return "must be a finite number of seconds above 0 and at most " +
                 std::to_string(static_cast<long long>(max));
        }
        return {};
      },
      "SECONDS");
}

CLI::Validator machine_label_check() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const bool control = std::any_of(text.begin(), text.end(), [](char c) {
          return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
        });
        if (text.empty() || text.size() > 64 || control)
          return "must be 1 to 64 characters, none of them a control character";
        return {};
      },
      "LABEL");
}

std::string one_line(std::string message) {
  std::replace(message.begin(), message.end(), '\n', ' ');
  // A long word is an echoed argument (a 300-digit number, a pasted pattern): its start
  // is enough to recognise it.
  std::string shortened;
  std::size_t word = 0;
  for (char c : message) {
    word = c == ' ' ? 0 : word + 1;
    if (word <= 40) {
      shortened += c;
    } else if (word == 41) {
      shortened += "...";
    }
  }
  constexpr std::size_t kMax = 200;
  if (shortened.size() > kMax) shortened = shortened.substr(0, kMax - 3) + "...";
  return shortened;
}

}  // namespace idiombench
