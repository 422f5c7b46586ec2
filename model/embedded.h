/* embedded: the SQL and data files compiled into the binary (model/embedded.c). */
#ifndef NTM_EMBEDDED_H
#define NTM_EMBEDDED_H
typedef struct { const char *name; const char *text; } embedded_file;
/* Schema migrations in order: migration i brings user_version from i to i+1. */
extern const embedded_file embedded_migrations[];
extern const int embedded_n_migrations;
/* Demo data files, in load order. */
extern const embedded_file embedded_demo[];
extern const int embedded_n_demo;
#endif
