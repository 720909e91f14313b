// module Sketchpad
