#ifndef RETRO_CCMARK_SHIM_H
#define RETRO_CCMARK_SHIM_H
#include <cmark.h>
#endif
