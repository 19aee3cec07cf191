// The SQLite store. See AppDatabase.
