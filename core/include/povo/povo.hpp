// The whole povo plugin SDK.
#pragma once
#include <povo/config_node.hpp>
#include <povo/data_source.hpp>
#include <povo/dataset.hpp>
#include <povo/diagnostics.hpp>
#include <povo/indicator.hpp>
#include <povo/plugin.hpp>
#include <povo/value.hpp>
#include <povo/version.hpp>
