#include "sqlite_source.hpp"

POVO_DATA_SOURCE_PLUGIN(povo::sqlite::SqliteSource, "sqlite", "1.0.0",
                        "Reads measures from a SQLite database through SQL queries in the config", "sqlite")
