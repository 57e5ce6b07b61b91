// Fictional Dutch-sounding names for boards, schools and streets.
#pragma once

#include <string>

#include "demo/rng.hpp"

namespace povo::demo::names {

std::string region_name(Rng& rng, bool frisian);  // "Noorderveld", "Wâldrâne"
std::string core_name(Rng& rng, bool frisian);    // "De Linde", "'t Kofschip"
std::string po_school_name(Rng& rng, const std::string& denomination, bool sbo, bool frisian);
std::string vo_school_name(Rng& rng, const std::string& structure, const std::string& denomination, bool frisian);
std::string board_name(Rng& rng, bool vo, const std::string& denomination, bool single_school,
                       const std::string& school_name, bool frisian);
std::string street_name(Rng& rng);
std::string house_number(Rng& rng);
std::string postcode(Rng& rng, const char* pc4);
std::string website(const std::string& name);  // www.<slug>.example
std::string title_case(const std::string& capitals);  // "AA EN HUNZE" -> "Aa en Hunze"

}  // namespace povo::demo::names
