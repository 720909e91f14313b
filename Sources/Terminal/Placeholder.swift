// module Terminal
