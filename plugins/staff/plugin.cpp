// The staff indicator plugin: libpovo_staff.so. The logic is in povo_staff_impl.
#include "staff_indicators.hpp"

POVO_INDICATOR_PLUGIN(povo::staff::StaffIndicators, "staff", "1.0.0",
                      "Staff: fte by function group, pupils per teacher fte, age 55+, women, permanent, absence",
                      "personeel_fte,personeel_fte_directie,personeel_fte_op,personeel_fte_oop,personeel_fte_lio,"
                      "leerlingen_per_fte_op,personeel_aandeel_55plus,personeel_aandeel_vrouw,"
                      "personeel_aandeel_vast,personeel_verzuim")
