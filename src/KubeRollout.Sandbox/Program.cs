// Placeholder entry point until the API host lands (see Api/).
return 0;
