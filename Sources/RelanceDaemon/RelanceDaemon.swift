// Configuration, services and adapters. See RelanceApp.
