-- Pitwall stores facts only: every change to a championship is a revision holding what was said
-- (regulations, a race's results table, a stewards' decision, a revert, a race's status), who said it,
-- when and why. Classifications, points, grids and standings are computed from them.
--
-- "if not exists": H2 cannot roll DDL back, so a process killed in the middle of the first migration leaves
-- some tables behind; the migration must be able to run again over them.

create table if not exists championship (
    id          varchar(100)  not null primary key,
    name        varchar(300)  not null,
    created_at  timestamp     not null
);

create table if not exists revision (
    championship_id  varchar(100)   not null references championship (id),
    number           integer        not null,
    kind             varchar(40)    not null,
    race             varchar(300),
    format           varchar(10),
    payload          varchar        not null,
    author           varchar(100)   not null,
    reason           varchar(2000)  not null,
    reverts          integer,
    created_at       timestamp      not null,
    primary key (championship_id, number)
);

create table if not exists api_token (
    name        varchar(100)  not null primary key,
    role        varchar(20)   not null,
    token_hash  varchar(64)   not null unique,
    created_at  timestamp     not null
);
