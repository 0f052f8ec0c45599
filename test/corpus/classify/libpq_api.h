// The few libpq prototypes the corpus needs, with the real names (no libpq-fe.h required).
#pragma once

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
typedef enum { CONNECTION_OK, CONNECTION_BAD } ConnStatusType;
typedef enum { PGRES_EMPTY_QUERY = 0, PGRES_COMMAND_OK, PGRES_TUPLES_OK } ExecStatusType;
typedef unsigned int Oid;

PGconn *PQconnectdb(const char *conninfo);
ConnStatusType PQstatus(const PGconn *conn);
void PQfinish(PGconn *conn);
char *PQerrorMessage(const PGconn *conn);
PGresult *PQexec(PGconn *conn, const char *query);
PGresult *PQexecParams(PGconn *conn, const char *command, int nParams, const Oid *paramTypes,
                       const char *const *paramValues, const int *paramLengths,
                       const int *paramFormats, int resultFormat);
ExecStatusType PQresultStatus(const PGresult *res);
int PQntuples(const PGresult *res);
char *PQgetvalue(const PGresult *res, int row, int col);
void PQclear(PGresult *res);

#ifdef __cplusplus
}
#endif
