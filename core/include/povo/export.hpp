// Symbol visibility for the povo SDK and for plugins.
#pragma once

// POVO_SDK_API marks what libpovo_sdk.so exports: interface classes with their key
// functions (so their vtables and type_info live in one place) and the data model.
#if defined(POVO_SDK_BUILDING)
#define POVO_SDK_API __attribute__((visibility("default")))
#else
#define POVO_SDK_API __attribute__((visibility("default")))
#endif

// POVO_PLUGIN_EXPORT marks the two symbols every plugin exports: its manifest and factory.
#define POVO_PLUGIN_EXPORT __attribute__((visibility("default")))
