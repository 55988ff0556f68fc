-- Keycloak's own database beside Forestall's, on the same PostgreSQL (compose.yaml).
CREATE DATABASE keycloak OWNER forestall;
