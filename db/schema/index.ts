// The whole schema, one module per table group. Later features add their file here.
export * from "./communes";
export * from "./users";
export * from "./images";
export * from "./producers";
export * from "./catalog";
export * from "./payments-bank";
export * from "./orders";
export * from "./trace";
export * from "./market";
export * from "./accounts";
