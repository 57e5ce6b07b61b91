#include "duo_csv_source.hpp"

POVO_DATA_SOURCE_PLUGIN(povo::duo_csv::DuoCsvSource, "duo_csv", "1.0.0",
                        "DUO open-data CSV files (addresses, pupils, exams), mapped by config", "duo_csv")
