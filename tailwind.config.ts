import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        tea: { 50: "#f1f8f1", 100: "#dcefdc", 600: "#2f7d32", 700: "#236127", 800: "#1b4d1f", 900: "#143a17" },
        earth: { 50: "#fbf7f0", 600: "#8a5a2b", 700: "#6e4620" },
      },
    },
  },
  plugins: [],
} satisfies Config;
