// The charters and observations: this folder's public exports.
export {};
