import { createContext, useContext } from "react";

/** The per-request CSP nonce, set in entry.server.tsx; empty in the browser (not needed there). */
export const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
