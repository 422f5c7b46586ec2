/* demo: build the demo database from the embedded seed-derived SQL files. */
#ifndef NTM_DEMO_H
#define NTM_DEMO_H
#include <stddef.h>
/* Create path (must not exist) with the schema and the demo data, in one transaction;
 * on failure nothing is left behind. */
int demo_create(const char *path, char *err, size_t errlen);
#endif
