// The pupils indicator plugin: libpovo_pupils.so. The logic is in povo_pupils_impl.
#include "pupils_indicators.hpp"

POVO_INDICATOR_PLUGIN(povo::pupils::PupilsIndicators, "pupils", "1.0.0",
                      "Pupils: number, growth over 1 and 5 years, pupils per branch, repeaters (vo)",
                      "aantal_leerlingen,leerlingen_groei_1j,leerlingen_groei_5j,leerlingen_per_vestiging,"
                      "zittenblijvers_pct")
